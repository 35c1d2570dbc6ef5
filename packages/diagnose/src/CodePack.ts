import type { MessageSchema } from './MessageSchema.js';
import type { Category, EntryText, RetryAdvice, Sender } from './types.js';

/** Text for one application code in one language. Missing lists fall back to the private-range entry. */
export interface CodeText extends Pick<EntryText, 'title' | 'description'>, Partial<Omit<EntryText, 'title' | 'description'>> {}

/** One application-defined close code. */
export interface CodeDefinition {
  /** The protocol's own name for the code, e.g. `Unauthorized`. */
  readonly name: string;
  readonly retry: RetryAdvice;
  readonly category?: Category;
  readonly sentBy?: Sender;
  /**
   * The server closes with this code when a message from the client fails its checks (graphql-ws
   * 4400): the diagnosis then weighs what the client's send schema checked.
   */
  readonly invalidMessage?: boolean;
  /** Text keyed by locale tag; `en` is used when the requested language is missing. */
  readonly text: Readonly<Record<string, CodeText>>;
}

/**
 * A set of 3000-4999 codes defined by one application or protocol. A pack with a
 * `subprotocol` applies only when that subprotocol was negotiated (or none is known). A pack
 * with `messages` also knows the protocol's message shapes: `typedJson(pack)` checks with them.
 */
export interface CodePack<Client = unknown, Server = unknown> {
  readonly id: string;
  /** Human name shown in diagnoses, e.g. `graphql-ws`. */
  readonly name: string;
  readonly subprotocol?: string;
  readonly codes: Readonly<Record<number, CodeDefinition>>;
  /** The protocol's messages as Standard Schemas: what a client may send, what a server sends. */
  readonly messages?: { readonly client: MessageSchema<Client>; readonly server: MessageSchema<Server> };
}

/** A protocol pack that knows its messages (`graphqlTransportWs`): what `typedJson(pack)` takes. */
export type ProtocolPack<Client, Server> = CodePack<Client, Server> & { readonly messages: NonNullable<CodePack<Client, Server>['messages']> };
