import { describeMailboxStatistics } from './mailbox-statistics-suite.ts';

describeMailboxStatistics('postgres');
