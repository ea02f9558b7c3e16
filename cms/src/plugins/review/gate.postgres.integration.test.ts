import { describeGate } from '../../testing/review/gate-suite';

describeGate('postgres');
