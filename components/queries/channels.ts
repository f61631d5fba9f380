"use client";
// React Query hooks for the channel settings page: provider health and Twilio's test actions.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiClient } from "@/lib/api-client";
import type { channelsStatusSchema } from "@/server/transports/settings";
import type { TwilioTestInput, twilioTestResultSchema } from "@/server/transports/twilio/schema";

export type ChannelsStatus = z.infer<typeof channelsStatusSchema>;
export type TwilioTestResult = z.infer<typeof twilioTestResultSchema>;

export const channelKeys = { status: ["channels", "status"] as const };

export const useChannelsQuery = () =>
  useQuery({ queryKey: channelKeys.status, queryFn: () => apiClient.get<ChannelsStatus>("/api/v1/channels") });

export const useTwilioTestMutation = () =>
  useMutation({
    mutationFn: (body: TwilioTestInput) => apiClient.post<TwilioTestResult>("/api/v1/channels/twilio/test", body),
  });
