/**
 * The embed hosts a site allows when its config names none: where
 * newsrooms' video, chart and document embeds come from. Apart from
 * raw-html.ts, so that reading the config loads no HTML parser.
 */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  'youtube.com',
  'youtube-nocookie.com',
  'player.vimeo.com',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
  'documentcloud.org',
  'infogram.com',
];
