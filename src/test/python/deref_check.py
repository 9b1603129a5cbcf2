"""A third-party linked-data client (rdflib) against a running skillgraph server.

Usage: deref_check.py ROOT BASE
  ROOT  where the server listens, e.g. http://localhost:41234
  BASE  the base URI of the data, e.g. http://localhost:3030/

Dereferences an occupation's URI (as served under ROOT) in every RDF format, following the 303, parses
each answer with rdflib, checks what it says, and queries the SPARQL endpoint through rdflib's own
SPARQLStore. Prints one line per check; exits non-zero on the first failure.
"""
import sys
import urllib.request

import rdflib
from rdflib.namespace import SKOS
from rdflib.plugins.stores.sparqlstore import SPARQLStore

root, base = sys.argv[1].rstrip('/'), sys.argv[2]
occupation = rdflib.URIRef(base + 'id/occupation/29-2011.00')
formats = {'text/turtle': 'turtle', 'application/ld+json': 'json-ld',
           'application/rdf+xml': 'xml', 'application/n-triples': 'nt'}

for media_type, rdflib_format in formats.items():
    request = urllib.request.Request(root + '/id/occupation/29-2011.00', headers={'Accept': media_type})
    with urllib.request.urlopen(request) as response:  # follows the 303 See Other
        body = response.read()
        content_type = response.headers.get('Content-Type', '')
        final = response.geturl()
    assert content_type.startswith(media_type), (media_type, content_type)
    assert '/doc/occupation/29-2011.00.' in final, final
    g = rdflib.Graph()
    g.parse(data=body, format=rdflib_format)
    notation = g.value(occupation, SKOS.notation)
    assert str(notation) == '29-2011.00', (media_type, notation)
    labels = [str(o) for o in g.objects(occupation, SKOS.prefLabel)]
    assert 'Medical and Clinical Laboratory Technologists' in labels, labels
    print(f'ok {media_type}: {len(g)} triples')

# rdflib's own content negotiation and redirect handling, as a client would use it
g = rdflib.Graph()
g.parse(root + '/id/anchor/skill/science')
users = set(g.subjects(rdflib.URIRef('https://w3id.org/skillgraph/ontology#hasSkill'),
                       rdflib.URIRef(base + 'id/anchor/skill/science')))
assert occupation in users, users
print(f'ok rdflib parse(url): {len(g)} triples, used by {len(users)} occupation(s)')

# and with the format named, each of which rdflib asks for by its own Accept header (N-Triples as text/plain)
for rdflib_format in formats.values():
    g = rdflib.Graph()
    g.parse(root + '/id/occupation/29-2011.00', format=rdflib_format)
    assert str(g.value(occupation, SKOS.notation)) == '29-2011.00', rdflib_format
    print(f'ok rdflib parse(url, format={rdflib_format}): {len(g)} triples')

store = SPARQLStore(root + '/sparql', returnFormat='json')
rows = list(store.query('SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://purl.org/ctdlasn/terms/Competency> }'))
assert int(rows[0][0]) == 186, rows
print(f'ok SPARQLStore: {rows[0][0]} competencies')
