import { describeMailboxStatistics } from './mailbox-statistics-suite.ts';

describeMailboxStatistics('sqlite');
