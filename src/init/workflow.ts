/**
 * The GitHub Actions workflow `dateline init` writes (and the README shows):
 * pull requests are checked, with each problem an annotation at its line;
 * the default branch is built and published on GitHub Pages, keeping the
 * build cache between runs; and every 15 minutes the last build's report is
 * read, to build and publish again only when an embargo has lifted or a
 * front-page pick has begun since (or when the commit is not the one last
 * built: GitHub keeps one run waiting per concurrency group, and a
 * scheduled run may have replaced a push's).
 */

/** Where the workflow goes in the site. */
export const WORKFLOW_FILE = '.github/workflows/dateline.yml';

/**
 * The cache key's stem: a new Dateline (or any other package) or a new
 * config starts from an empty cache. Each save adds the run's id (a cache
 * entry cannot be replaced), and a restore takes the newest with this stem.
 */
const CACHE_KEY = "dateline-${{ hashFiles('package-lock.json', 'dateline.config.json') }}-";

/**
 * What the cache keeps: parsed stories, bodies, made images, the search
 * index, the addresses published and the last report. Not the output before
 * last, which only helps where `dist/` is kept too (see the README).
 */
const CACHE_PATH = `|
            .dateline-cache
            !.dateline-cache/old-output`;

/** The steps that install the site's packages, Dateline among them, as the lock file says. */
const SETUP = (condition: string) => `      - uses: actions/setup-node@v4${condition}
        with:
          node-version: 20
          cache: npm
      - run: npm ci${condition}`;

export const WORKFLOW = `# Made by \`dateline init\`. Pull requests are checked; the default branch is
# built and published on GitHub Pages (Settings → Pages → Source: GitHub
# Actions); every 15 minutes, stories whose embargo has lifted go out.
name: Dateline

on:
  pull_request:
  push:
  schedule:
    - cron: "*/15 * * * *"
  workflow_dispatch:

permissions:
  contents: read

# One publishing run at a time, never cut short; a pull request's newer push replaces its older check.
concurrency:
  group: dateline-\${{ github.event_name == 'pull_request' && github.ref || 'publish' }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

jobs:
  check:
    name: Check the stories
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${SETUP('')}
      # Every problem is printed as file:line and shown on the pull request's diff.
      - run: npx dateline check

  build:
    name: Build the site
    # Scheduled runs are always on the default branch; pushes and manual runs only publish from it.
    if: github.event_name == 'schedule' || (github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch)
    runs-on: ubuntu-latest
    outputs:
      publish: \${{ steps.due.outputs.build }}
    steps:
      - uses: actions/checkout@v4
      - name: Restore the build cache
        uses: actions/cache/restore@v4
        with:
          path: ${CACHE_PATH}
          key: ${CACHE_KEY}\${{ github.run_id }}
          restore-keys: ${CACHE_KEY}
      # A scheduled run builds only when the last build's report says something has become due, or
      # when the last build was of another commit (a push whose run waited, and gave way to this one).
      - name: Is anything due?
        id: due
        env:
          EVENT: \${{ github.event_name }}
          COMMIT: \${{ github.sha }}
        run: |
          report=.dateline-cache/build-report.json
          built=$(cat .dateline-cache/built-commit 2>/dev/null || true)
          if [ "$EVENT" != schedule ] || [ ! -f "$report" ] || [ "$built" != "$COMMIT" ]; then
            echo "build=true" >> "$GITHUB_OUTPUT"
            exit 0
          fi
          next=$(jq -r '.nextBuild // empty' "$report")
          if [ -n "$next" ] && [ "$(date -d "$next" +%s)" -le "$(date +%s)" ]; then
            echo "Due since $next: building and publishing"
            echo "build=true" >> "$GITHUB_OUTPUT"
          else
            echo "Nothing has become due\${next:+ (next at $next)}: the site stays as it is"
            echo "build=false" >> "$GITHUB_OUTPUT"
          fi
${SETUP("\n        if: steps.due.outputs.build == 'true'")}
      - run: npx dateline build
        if: steps.due.outputs.build == 'true'
      - run: echo "$GITHUB_SHA" > .dateline-cache/built-commit
        if: steps.due.outputs.build == 'true'
      - name: Save the build cache
        if: steps.due.outputs.build == 'true'
        uses: actions/cache/save@v4
        with:
          path: ${CACHE_PATH}
          key: ${CACHE_KEY}\${{ github.run_id }}
      - uses: actions/configure-pages@v5
        if: steps.due.outputs.build == 'true'
      - uses: actions/upload-pages-artifact@v3
        if: steps.due.outputs.build == 'true'
        with:
          path: dist

  deploy:
    name: Publish on GitHub Pages
    needs: build
    if: needs.build.outputs.publish == 'true'
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
