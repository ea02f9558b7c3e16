import { describeApiAccess } from './testing/api-access-suite';

describeApiAccess('sqlite');
