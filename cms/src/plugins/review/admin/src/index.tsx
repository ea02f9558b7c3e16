/**
 * The `review` plugin, admin side: the 待我审核 page in the menu, the review panel on every edit view,
 * a home-page widget with what to do next,
 * and no publish or unpublish buttons in the content manager (publishing is the review's own step; the
 * server refuses it anyway, this only spares users a button that can never work).
 */

import { ReviewPanel } from './components/review-panel';
import { adminTranslations, pluginId, t } from './i18n';

/** Document and bulk actions of the content manager, as far as the plugin needs them. */
type Described = { type?: string; position?: unknown; (props: unknown): { label?: unknown } | null };

/** Publishing actions are recognised by type or, for other plugins' actions without one, by label. */
const publishing = /publish|发布/i;

const wrappers = new WeakMap<Described, Described>();

/**
 * The content manager's actions without any that publish or unpublish: Strapi's own by their type,
 * others (i18n's "publish multiple locales") by what they describe. A wrapped action always calls the
 * original, so the hooks inside it run in the same order on every render; it is made once per action.
 */
function withoutPublishing(actions: Described[]): Described[] {
  return actions
    .filter((action) => action.type !== 'publish' && action.type !== 'unpublish')
    .map((action) => {
      const known = wrappers.get(action);
      if (known) return known;
      const wrapped = ((props: unknown) => {
        const description = action(props);
        return description && publishing.test(String(description.label ?? '')) ? null : description;
      }) as Described;
      wrapped.type = action.type;
      wrapped.position = action.position;
      wrappers.set(action, wrapped);
      return wrapped;
    });
}

/** The content manager's API object, as far as the plugin uses it. */
interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
  getDocumentActions(position?: string): Described[];
  getBulkActions(): Described[];
}

/** The parts of the admin app (`StrapiApp`) the plugin uses. */
interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: Record<string, unknown>): void;
  getPlugin(id: string): { apis: ContentManagerApis };
  widgets: { register(widgets: (existing: { id?: string }[]) => unknown[]): void };
}

/** The icon of the menu link: a check mark in a document. */
function ReviewIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" />
      <path d="m9 15 2 2 4-4" />
    </svg>
  );
}

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: pluginId, name: pluginId });
    app.addMenuLink({
      to: `plugins/${pluginId}`,
      icon: ReviewIcon,
      intlLabel: { id: `${pluginId}.queue.title`, defaultMessage: t('queue.title') },
      Component: () => import('./pages/queue-page'),
      permissions: [],
    });
    app.addMenuLink({
      to: `plugins/${pluginId}/publishing`,
      icon: ReviewIcon,
      intlLabel: { id: `${pluginId}.publishing.title`, defaultMessage: t('publishing.title') },
      Component: () => import('./pages/publishing-page'),
      permissions: [],
    });
    // The home page starts with what to do next; Strapi's project statistics and its cloud promotion
    // ("deploy now") are not an editor's concern.
    app.widgets.register((existing) => [
      {
        id: 'work',
        pluginId,
        icon: ReviewIcon,
        title: { id: `${pluginId}.home.title`, defaultMessage: t('home.title') },
        component: async () => (await import('./components/work-widget')).default,
      },
      ...existing.filter((widget) => widget.id !== 'key-statistics' && widget.id !== 'deploy-now'),
    ]);
  },

  bootstrap(app: AdminApp) {
    const contentManager = app.getPlugin('content-manager').apis;
    contentManager.addEditViewSidePanel([ReviewPanel]);
    // Filter when the content manager asks for its actions, so that publish actions added by plugins
    // bootstrapped after this one (i18n) are caught too.
    const documentActions = contentManager.getDocumentActions;
    const bulkActions = contentManager.getBulkActions;
    contentManager.getDocumentActions = (position?: string) => withoutPublishing(documentActions(position));
    contentManager.getBulkActions = () => withoutPublishing(bulkActions());
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: adminTranslations(locale), locale }));
  },
};
