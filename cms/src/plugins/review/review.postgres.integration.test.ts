import { describeReview } from '../../../../test/review/review-suite';

describeReview('postgres');
