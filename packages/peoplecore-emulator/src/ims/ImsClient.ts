import { z } from 'zod';

/** A technical account the emulated IMS knows: the credentials it accepts and what its tokens say. */
export const imsClientSchema = z.strictObject({
  clientId: z.string().min(1),
  /** A secret: compared, never logged or returned. */
  clientSecret: z.string().min(1),
  orgId: z.string().min(1),
  userId: z.string().min(1),
  authMethod: z.enum(['ims', 'local']).default('ims'),
});

export type ImsClient = z.output<typeof imsClientSchema>;

/** The client used when none is configured, so that `audience-bridge emulator` works out of the box. */
export const defaultImsClient: ImsClient = {
  clientId: 'audience-bridge',
  clientSecret: 'emulator-secret',
  orgId: 'EMULATOR0000000000000000@AdobeOrg',
  userId: 'technical-account@techacct.adobe.com',
  authMethod: 'ims',
};
