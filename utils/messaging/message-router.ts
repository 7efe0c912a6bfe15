/**
 * The gate every message to the background passes: who sent it (`sender-rules.ts`),
 * whether that kind of sender may ask this, whether the data fits the message's
 * schema (`message-schemas.ts`), and only then the handler. A refusal changes
 * nothing and says why: as the message's own error answer where its type has one
 * (`{ error }`), otherwise as a thrown Error, which `@webext-core/messaging` hands
 * back to the sender as a rejected `sendMessage`.
 */
import type { z } from 'zod';
import { classifySender, type MessageSenderLike, type SelfIdentity, type TrustedSender } from './sender-rules';
import type { AnswerOf, DataOf } from './message-schemas';

/** Thrown by a handler (or the gate) to refuse a request; the router turns it into the answer. */
export class MessageRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MessageRefusedError';
  }
}

/** Refuses the request being handled: nothing has been written, and the sender is told `reason`. */
export function refuse(reason: string): never {
  throw new MessageRefusedError(reason);
}

/** One message: its schema, who may send it, and what it does. */
export interface Route<Data, Answer> {
  schema: z.ZodType<Data, unknown>;
  /**
   * `content`: Margin's content script in a tab (acting only on its own tab's page; the
   * handler checks that) as well as Margin's pages. `extension`: Margin's pages only.
   */
  from: 'content' | 'extension';
  /** The refusal as an answer of the message's own type; without it a refusal is thrown. */
  refusal?: (message: string) => Answer;
  handle(data: Data, sender: TrustedSender): Answer | Promise<Answer>;
}

/** A route for every message of protocol map `P`. */
export type RoutesOf<P> = { [K in keyof P]: Route<DataOf<P[K]>, Awaited<AnswerOf<P[K]>>> };

/**
 * Checks a raw message and answers it.
 * @param type - the message's name, for the refusal's wording
 * @param raw - the message's data as received, unchecked
 * @return the handler's answer, or the route's refusal answer
 * @throws Error with a sentence saying what was refused, for routes without a refusal answer;
 *   errors that are not refusals (bugs, a closed database) propagate unchanged
 */
export async function routeMessage<Data, Answer>(
  type: string,
  route: Route<Data, Answer>,
  raw: unknown,
  sender: MessageSenderLike | undefined,
  self: SelfIdentity,
): Promise<Answer> {
  try {
    const who = classifySender(sender, self);
    if (who.kind === 'refused') refuse(who.reason);
    if (route.from === 'extension' && who.kind !== 'extension')
      refuse('only Margin’s own pages may ask this, not a web page');
    const parsed = route.schema.safeParse(raw);
    if (!parsed.success) refuse(describeProblem(parsed.error));
    return await route.handle(parsed.data, who);
  } catch (error) {
    if (!(error instanceof MessageRefusedError)) throw error;
    const message = `Margin refused this request (${type}): ${error.message}.`;
    if (route.refusal) return route.refusal(message);
    throw new Error(message);
  }
}

/**
 * Connects routes to a messenger: each message of the table is answered through the gate.
 * @param messenger - a `defineExtensionMessaging` messenger (or a fake with the same `onMessage`)
 */
export function registerRoutes<P>(
  messenger: {
    onMessage(type: never, handler: (message: { data: unknown; sender: MessageSenderLike }) => unknown): unknown;
  },
  routes: RoutesOf<P>,
  self: SelfIdentity,
): void {
  const onMessage = messenger.onMessage as (
    type: string,
    handler: (message: { data: unknown; sender: MessageSenderLike }) => unknown,
  ) => unknown;
  for (const [type, route] of Object.entries(routes) as [string, Route<unknown, unknown>][]) {
    onMessage(type, ({ data, sender }) => routeMessage(type, route, data, sender, self));
  }
}

/** The first problem, named by where it is in the data: enough to fix a caller, nothing of the value itself. */
function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'its data is not valid';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'its data';
  return `${where}: ${issue.message}`;
}
