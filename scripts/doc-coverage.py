#!/usr/bin/env python3
# Lists the public symbols of the given symbol graphs that have no /// summary and fails when
# there is any. A member that implements a protocol requirement takes the requirement's
# documentation and is not counted.
import json, sys, collections, glob, os
missing = []
total = 0
for f in [f for d in sys.argv[1:] for f in glob.glob(os.path.join(d, '*.symbols.json'))]:
    g = json.load(open(f))
    inherited = {r['source'] for r in g['relationships'] if r.get('sourceOrigin')}
    for s in g['symbols']:
        if s.get('accessLevel') not in ('public', 'open'): continue
        if s['identifier']['precise'] in inherited: continue
        total += 1
        if not s.get('docComment'):
            loc = s.get('location', {})
            missing.append('%s:%s %s' % (loc.get('uri', '?').replace('file://', ''), loc.get('position', {}).get('line', 0) + 1, '.'.join(s['pathComponents'])))
for m in sorted(missing): print(m)
print('%d of %d public symbols have no /// summary' % (len(missing), total), file=sys.stderr)
sys.exit(1 if missing else 0)
