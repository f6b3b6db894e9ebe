/** The IMS organisation that owns every object: the tenant boundary. */
export type OrgId = string;

/** How the caller proved who they are: an IMS token, or a local API key that may only read. */
export type AuthMethod = 'ims' | 'local';

/** Who is acting, for which organisation. */
export interface Principal {
  readonly orgId: OrgId;
  readonly subject: string;
  readonly authMethod: AuthMethod;
}
