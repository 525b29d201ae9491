import type {
  CreatedEnrolmentToken,
  CreateEnrolmentTokenRequest,
  EnrolResponse,
} from '@nta/contracts';
import type { ApiReply, TestConsole } from './test-console';

/** Creates an enrolment token as the logged-in admin; fails the test if the console refuses. */
export async function createToken(
  sut: TestConsole,
  request: Partial<CreateEnrolmentTokenRequest> = {},
): Promise<CreatedEnrolmentToken> {
  const res = await sut.api<CreatedEnrolmentToken>('/api/enrolment-tokens', {
    body: JSON.stringify({ name: 'test hosts', ...request }),
    method: 'POST',
  });
  if (res.status !== 201)
    throw new Error(`token creation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function enrol(
  sut: TestConsole,
  token: string,
  hostname: string,
  preferredAgentId?: string,
): Promise<ApiReply<EnrolResponse>> {
  return sut.api<EnrolResponse>('/api/enrol', {
    body: JSON.stringify({ hostname, preferredAgentId, token }),
    method: 'POST',
    token: null,
  });
}
