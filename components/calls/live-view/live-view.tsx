"use client";
// The live interaction view: loads the call, then follows it over Server-Sent Events (the cache is
// updated by useCallEvents), so messages, status and duration change without a reload.
import { useCallQuery } from "@/components/queries/calls";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { isTerminal } from "@/server/calls/status";
import { useCallEvents } from "../use-call-events";
import { AgentSettings, UnresolvedVariables } from "./agent-settings";
import { AnalysisPanel } from "./analysis-panel";
import { CallDetails, StatusBar, StatusHistory } from "./call-details";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { MessagesTimeline } from "./messages-timeline";
import { NoteEditor } from "./note-editor";
import { RecordingPanel } from "./recording-panel";
import { StatusActions } from "./status-actions";
import { ChatLink } from "./chat-link";
import { HandoffAlert, TakeoverPanel } from "./takeover-panel";
import { TranscriptPanel } from "./transcript-panel";

const isMissing = (error: unknown) => error instanceof ApiClientError && (error.status === 404 || error.status === 422);

export function LiveView({ id }: { id: string }) {
  const query = useCallQuery(id);
  const call = query.data;
  const live = !!call && !isTerminal(call.status);
  // After the end the stream stays open until the post-call analysis arrives.
  const liveState = useCallEvents(id, live || call?.analysis?.status === "pending");

  if (query.isPending) {
    return (
      <>
        <PageHeader title="Interaction" />
        <LoadingBlock label="Loading the interaction" />
      </>
    );
  }
  if (query.isError && !call) {
    return (
      <>
        <PageHeader title={isMissing(query.error) ? "Interaction not found" : "Interaction"} />
        {isMissing(query.error) ? (
          <EmptyState title="No interaction has this id" action={<ButtonLink href="/calls">Back to all interactions</ButtonLink>}>
            It may have been mistyped, or it belongs to another Callboard.
          </EmptyState>
        ) : (
          <ErrorNotice error={query.error} title="The interaction could not be loaded" />
        )}
      </>
    );
  }
  if (!call) return null;

  return (
    <>
      <PageHeader
        title={`${CHANNEL_LABELS[call.channel]} with ${call.customerName}`}
        description={`With agent ${call.agent.name} · created ${formatDateTime(call.createdAt)}`}
        actions={
          <>
            <ButtonLink href="/calls" variant="ghost">
              All interactions
            </ButtonLink>
            <ButtonLink href={`/calls/new?from=${call.id}`} variant="secondary">
              Repeat
            </ButtonLink>
          </>
        }
      />
      <StatusBar call={call} receivedAt={query.dataUpdatedAt} live={liveState} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <HandoffAlert call={call} />
          <UnresolvedVariables names={call.unresolvedVariables} />
          <MessagesTimeline call={call} live={live} />
          <RecordingPanel call={call} live={live} />
          <TranscriptPanel call={call} live={live} />
        </div>
        <div className="min-w-0 space-y-6">
          <AnalysisPanel call={call} />
          <ChatLink call={call} />
          <TakeoverPanel call={call} />
          <StatusActions call={call} />
          <CallDetails call={call} />
          <NoteEditor callId={call.id} note={call.note} />
          <AgentSettings call={call} />
          <StatusHistory call={call} />
        </div>
      </div>
    </>
  );
}
