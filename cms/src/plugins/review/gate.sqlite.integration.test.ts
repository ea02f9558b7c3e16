import { describeGate } from '../../../../test/review/gate-suite';

describeGate('sqlite');
