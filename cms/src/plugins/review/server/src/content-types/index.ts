/** The plugin's content types: review state, the append-only log, the sensitive-word list. */
import reviewLog from './review-log/schema.json';
import reviewState from './review-state/schema.json';
import sensitiveWord from './sensitive-word/schema.json';

export default {
  'review-state': { schema: reviewState },
  'review-log': { schema: reviewLog },
  'sensitive-word': { schema: sensitiveWord },
};
