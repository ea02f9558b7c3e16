import { describeMailbox } from './mailbox-suite.ts';

describeMailbox('sqlite');
