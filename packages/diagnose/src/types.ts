/**
 * Stable, non-localized shapes of the diagnosis module. Text is always derived from these
 * through a {@link DiagnoseLocale}; nothing here changes with the language.
 */

/** Where a code sits in RFC 6455 §7.4.2. `invalid` covers 0-999, >= 5000, negatives and non-integers. */
export type CodeRange = 'invalid' | 'protocol' | 'registered' | 'private';

/** A stable grouping key for a close code. */
export type Category =
  | 'normal'
  | 'going_away'
  | 'protocol_error'
  | 'unsupported_data'
  | 'reserved'
  | 'no_status'
  | 'abnormal'
  | 'invalid_payload'
  | 'policy'
  | 'too_big'
  | 'extension'
  | 'server_error'
  | 'restart'
  | 'overload'
  | 'gateway'
  | 'tls'
  | 'auth'
  | 'forbidden'
  | 'timeout'
  | 'application'
  | 'invalid'
  /** A close reported without the catalogue (the diagnosis module was not loaded). */
  | 'unknown';

/** Where the client ran, recognised from what the runtime provides (never a user-agent string). */
export type Runtime = 'browser' | 'node' | 'deno' | 'bun' | 'workerd' | 'react-native' | 'other';

/** Who can put the code in a Close frame. `local` means a runtime synthesizes it and it never appears on the wire. */
export type Sender = 'either' | 'server' | 'client' | 'local' | 'nobody';

/**
 * How to reconnect after this close.
 * - `no`: not without a change (code, configuration, payload).
 * - `backoff`: truncated exponential backoff with jitter (RFC 6455 §7.2.3: first delay random in 0-5 s).
 * - `delay_5_30s`: a randomized delay of 5-30 s (hybi guidance for 1012).
 * - `slow_backoff`: long jittered backoff, preferably to another endpoint (1013).
 * - `after_reauth`: once, after obtaining new credentials.
 * - `policy`: depends on the application (for example a close without a code).
 * - `unknown`: application-defined code with no registered advice.
 */
export type RetryStrategy = 'no' | 'ended' | 'backoff' | 'delay_5_30s' | 'slow_backoff' | 'after_reauth' | 'policy' | 'retry_after' | 'unknown';

export interface RetryAdvice {
  /** `'unknown'` for application codes nobody described. */
  readonly retryable: boolean | 'unknown';
  readonly strategy: RetryStrategy;
  /** Suggested delay bounds in milliseconds for the first attempt, when a source gives them. */
  readonly delayMs?: readonly [min: number, max: number];
}

export interface DocLink {
  readonly label: string;
  readonly url: string;
}

/** Text keys of catalogue entries: a specific code, or a range entry. */
export type EntryKey =
  | '1000' | '1001' | '1002' | '1003' | '1004' | '1005' | '1006' | '1007' | '1008'
  | '1009' | '1010' | '1011' | '1012' | '1013' | '1014' | '1015'
  | '3000' | '3003' | '3008'
  | 'range_0_999' | 'range_protocol_unassigned' | 'range_registered_unassigned' | 'range_private'
  | 'not_a_code';

/** The stable facts about one code (or the range it falls in). */
export interface CodeInfo {
  /** The code asked about, exactly as given (may be `NaN` or `1.5` for `not_a_code`). */
  readonly code: number;
  readonly key: EntryKey | `app:${string}` | 'unavailable';
  /** Official English name (RFC 6455 / IANA), or the range's description. */
  readonly name: string;
  readonly category: Category;
  readonly range: CodeRange;
  /** Whether a Close frame may carry this code. 1005, 1006 and 1015 never do. */
  readonly onWire: boolean;
  readonly sentBy: Sender;
  readonly retry: RetryAdvice;
  readonly related: readonly number[];
  readonly links: readonly DocLink[];
}

/** The localized part of a catalogue entry. Every field is non-empty in every locale. */
export interface EntryText {
  readonly title: string;
  readonly description: string;
  /** Causes, most likely first. */
  readonly causes: readonly string[];
  /** Fixes, ordered by likelihood. */
  readonly fixes: readonly string[];
  /** What people try that does not help. */
  readonly deadEnds: readonly string[];
  /** How to tell it apart from its look-alikes. */
  readonly distinguish: readonly string[];
}

/** A catalogue entry in one language: stable facts plus text. */
/**
 * What a diagnosis carries of the code's catalogue entry: the facts, what the code means, how to
 * fix it and what does not help. `explain()` adds when it occurs and how to tell it apart.
 */
export type DiagnosisExplanation = Omit<Explanation, 'causes' | 'distinguish'>;

export interface Explanation extends CodeInfo, EntryText {
  /** Whether the code is a valid close code at all (1000-4999, integer). */
  readonly valid: boolean;
  /** The locale tag the text is in. */
  readonly locale: string;
  /** Set when the requested locale was not available and another was used. */
  readonly localeFallback?: { readonly requested: string; readonly used: string };
  /** The fields whose text came from English because the locale lacked it (e.g. `description`), and that language. */
  readonly localeFallbacks?: { readonly used: string; readonly fields: readonly string[] };
  /** Set when the text came from an application or protocol pack. */
  readonly pack?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

/** Which side started the closing handshake, as the client saw it. */
export type CloseInitiator = 'client' | 'server' | 'unknown';

/** One outgoing frame the client recorded. Never the payload. */
export interface OutgoingFrame {
  readonly kind: 'text' | 'binary';
  readonly bytes: number;
  /** For text frames: whether the payload was valid UTF-8 when it left. */
  readonly utf8Valid?: boolean;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** What the client saw of the close itself. */
export interface CloseInput {
  readonly code: number;
  readonly reason?: string;
  readonly wasClean?: boolean;
}

/**
 * What the client observed about this connection. Every field is optional: a diagnosis
 * uses what is there and says less when less is known. `@sockdoc/core` fills it.
 */
export interface DiagnoseContext {
  /** Where the client runs. Browsers hide handshake failures; Node exposes them. */
  readonly runtime?: Runtime;
  /** The runtime's version (`Deno.version.deno`, `Bun.version`, `process.versions.node`), where it says. */
  readonly runtimeVersion?: string;
  /** Which WebSocket client ran in Node: `ws` (@sockdoc/node) or the global one (undici). */
  readonly webSocket?: 'ws' | 'undici';
  /** The runtime never reported this close: sockdoc ended the attempt after a grace period (its error event, a timeout). */
  readonly closeNotReported?: boolean;
  /** Whether the `open` event fired for this connection attempt. */
  readonly opened?: boolean;
  readonly timestamps?: {
    readonly created?: number;
    readonly opened?: number;
    readonly lastMessageIn?: number;
    readonly lastMessageOut?: number;
    readonly closed?: number;
  };
  /** Recent outgoing frames, oldest first. */
  readonly recentOutgoing?: readonly OutgoingFrame[];
  /** The outgoing contract the client declared. */
  readonly channel?: 'text' | 'binary' | 'mixed';
  /** The client's declared maximum message size in bytes. */
  readonly maxMessageBytes?: number;
  /** The HTTP status of a refused handshake (Node only: browsers never expose it). */
  readonly handshakeStatus?: number;
  /** The refusing server's `Retry-After` header (seconds or an HTTP-date), as it said it. */
  readonly retryAfter?: string;
  /** A transport or protocol error code: `ECONNREFUSED`, `ENOTFOUND`, TLS codes, `ws`'s `WS_ERR_*`. */
  readonly transportError?: { readonly code?: string; readonly message?: string };
  readonly initiator?: CloseInitiator;
  /** What the client sent when it initiated the close. */
  readonly clientClose?: { readonly code?: number; readonly reason?: string };
  /** `navigator.onLine` at close time (browsers). */
  readonly online?: boolean;
  /** Page visibility at close time (browsers). */
  readonly visibility?: 'visible' | 'hidden';
  /** Epoch ms of the last `offline` event, `hidden` visibility change or `pagehide`. */
  readonly wentOfflineAt?: number;
  readonly hiddenAt?: number;
  readonly pageHiddenByNavigation?: boolean;
  /** The negotiated subprotocol (`WebSocket.protocol`). */
  readonly protocol?: string;
  /** 0 for the first connection, 1 for the first reconnect, ... */
  readonly attempt?: number;
  /** The client's own heartbeat missed its deadline and closed the socket. */
  readonly heartbeatTimeout?: boolean;
  /** The client gave up waiting for the opening handshake. */
  readonly connectTimeout?: boolean;
  /** What a plain HTTP request to the endpoint answered after a browser handshake failed without detail (browsers). */
  readonly statusProbe?: StatusProbe;
  /** Whether the handshake asked for subprotocols (a status probe cannot send them, so its 401 means less). */
  readonly protocolsRequested?: boolean;
  /** When the app said its credentials expire or expired (epoch ms; the `credentialsExpireAt` option). */
  readonly credentialsExpireAt?: number;
  /** Incoming messages a receive schema refused on this connection (`typedJson`): how many, where (at most 5 distinct paths), the last one's time. Never the payloads. */
  readonly invalidIncoming?: { readonly count: number; readonly paths?: readonly string[]; readonly lastAt?: number };
  /**
   * Present when the client checks what it sends against a schema (`typedJson`): how many
   * messages of this connection the schema checked (`sendJson`), and how many went out
   * without it (`send`, `sendText`).
   */
  readonly sendSchema?: { readonly checked: number; readonly unchecked: number };
}

/**
 * What the status probe learned: browsers hide the HTTP status of a refused handshake, so the
 * client may ask the same URL over HTTP(S) with a plain GET (same origin, or CORS that allows it).
 */
export interface StatusProbe {
  /** The status the plain request got. */
  readonly status?: number;
  /** The plain request was redirected (the browser does not say where). */
  readonly redirected?: boolean;
  /**
   * Why no status is known: `cross_origin` (another origin, not probed), `cors` (the browser
   * refused the request or its answer: CORS, or unreachable), `unreachable` (a same-origin
   * request failed too), `timeout`, `offline`, `off` (the probe is turned off).
   */
  readonly unknown?: 'cross_origin' | 'cors' | 'unreachable' | 'timeout' | 'offline' | 'off';
  /** Learned at an earlier failure of the same failure streak (a probe runs once per streak). */
  readonly earlier?: boolean;
}
