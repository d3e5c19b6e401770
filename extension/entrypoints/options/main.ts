import { browser } from 'wxt/browser';
import { startOptionsPage } from '../../utils/options-page.ts';

startOptionsPage(document, browser, location.href);
