import { html } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader } from '../components.js';

export default function notFound() {
  return {
    title: t('notfound.title'),
    html: html`${pageHeader({ title: t('notfound.title'), print: false })}
      <p>${t('notfound.text')}</p>
      <p><a class="btn" href="#/">${t('common.back')}</a></p>`,
  };
}
