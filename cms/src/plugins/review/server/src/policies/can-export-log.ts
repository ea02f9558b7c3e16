/** Only the web office, the secrecy reviewer and site administrators may export the review log. */
import { rolePolicy } from './role-policy';

export default rolePolicy('web_reviewer', 'secrecy_reviewer', 'site_admin');
