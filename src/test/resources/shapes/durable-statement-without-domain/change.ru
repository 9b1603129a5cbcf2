# base: ../../map/29-2011.00.expected.ttl
# A durable-skills statement that belongs to no domain.
PREFIX sg: <https://w3id.org/skillgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ceasn: <https://purl.org/ctdlasn/terms/>
PREFIX ceterms: <https://purl.org/ctdl/terms/>
PREFIX asn: <http://purl.org/asn/schema/core/>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { <http://localhost:3030/id/framework/29-2011.00/durable-skills/v.26.05/level/emerging/statement/communication-1> sg:domain ?d }
