# base: ../../map/29-2099.00.expected.ttl
# A statement text of more than 10,000 characters.
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
DELETE { ?s ceasn:competencyText ?t } INSERT { ?s ceasn:competencyText ?long }
WHERE { BIND(<http://localhost:3030/id/framework/29-2099.00/occupational/v.26.05/level/emerging/statement/1> AS ?s) ?s ceasn:competencyText ?t .
  BIND(CONCAT(STR(?t), STR(?t)) AS ?t2) BIND(CONCAT(?t2, ?t2, ?t2, ?t2) AS ?t8) BIND(CONCAT(?t8, ?t8, ?t8, ?t8) AS ?t32)
  BIND(CONCAT(?t32, ?t32, ?t32, ?t32) AS ?t128) BIND(STRLANG(CONCAT(?t128, ?t128), "en") AS ?long) }
