import { AGENT_ID_PATTERN, type EnrolRequest, type EnrolResponse } from '@nta/contracts';
import { z } from 'zod';

export class EnrolError extends Error {}

const enrolResponseSchema = z.object({
  agentId: z.string().regex(AGENT_ID_PATTERN),
  mqtt: z.object({
    password: z.string().min(1),
    url: z.string().regex(/^mqtt:\/\/[^/]+$/),
    username: z.string().min(1),
  }),
});

/** POST {console}/api/enrol; any failure becomes one EnrolError line that says why. */
export async function requestCredentials(
  consoleUrl: string,
  body: EnrolRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<EnrolResponse> {
  let res: Response;
  try {
    res = await fetchImpl(`${consoleUrl}/api/enrol`, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    const inner = (e as { cause?: { code?: string; message?: string } }).cause;
    const cause = inner?.code ?? inner?.message ?? (e as Error).message;
    throw new EnrolError(`cannot reach the console at ${consoleUrl} (${cause})`);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON: show the start of the body
    }
    throw new EnrolError(`the console refused the enrolment (HTTP ${res.status}): ${message}`);
  }
  let parsed;
  try {
    parsed = enrolResponseSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new EnrolError(
      `the console at ${consoleUrl} answered something that is not an enrolment`,
    );
  }
  return parsed.data;
}
