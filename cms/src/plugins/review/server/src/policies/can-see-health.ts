/**
 * Only the web office and site administrators may read the inspection report (ADR 29): it lists every
 * site's problems with links into the CMS, the web office's working paper before an inspection.
 */
import { rolePolicy } from './role-policy';

export default rolePolicy('web_reviewer', 'site_admin');
