// TwiML that is not part of the turn loop: what a live call is switched to from outside it.
import twilio from "twilio";

export const TRANSFERRING = "I'm transferring you to a colleague now.";

/** Staff pressed Transfer on a live Twilio call: the customer is connected to the transfer number. */
export function transferTwiml(number: string, language: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ language: language as "en-US" }, TRANSFERRING);
  response.dial({ answerOnBridge: true }, number);
  return response.toString();
}
