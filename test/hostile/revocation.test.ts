import { AccessPolicy } from '../../src/modules/auth/access-policy';
import { Role } from '../../src/modules/auth/api-token.entity';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
});
afterAll(() => server.close());

describe('a token revoked while its request runs loses its rights for the rest of that request', () => {
  it('a mutation that revokes its own token can do nothing after that field', async () => {
    const { secret } = await server.services.auth.create({ name: 'leaving-admin', role: Role.ADMIN });
    const res = await server.gqlAs(
      secret,
      `mutation {
        revoke: apiTokenRevoke(input: { name: "leaving-admin" }) { userErrors { message } }
        after: topicCreate(input: { key: "made-after-revocation", label: "Etter" }) { topic { key } userErrors { message } }
      }`,
    );
    // The payloads are non-null, so the refusal of the second field nulls the whole answer; the first field's
    // change stands (the token is revoked), the second never ran.
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.message])).toEqual([['after', 'UNAUTHENTICATED', 'This token was revoked while the request ran.']]);
    expect((await server.gql(`{ topic(key: "made-after-revocation") { key } }`)).data.topic).toBeNull();
    // And the next request is refused outright.
    expect((await server.gqlAs(secret, '{ topics { totalCount } }')).status).toBe(401);
  });

  it('personal fields read after the revocation are withheld within the same request', async () => {
    const { secret } = await server.services.auth.create({ name: 'reader', role: Role.VIEWER });
    const principal = await server.services.auth.authenticate(`Bearer ${secret}`);
    const access = new AccessPolicy(principal, server.dataSource, server.services.auth);
    expect(access.mayReadPersonal).toBe(true);
    await server.services.auth.revoke('reader');
    expect(access.mayReadPersonal).toBe(false);
    expect(() => access.require(Role.VIEWER, 'Reading')).toThrow('This token was revoked while the request ran.');
  });
});
