# base: ../../map/29-2099.00.expected.ttl
# A framework whose source lost a whole level (the export's framework.levels without 'proficient'): stored, with a warning.
PREFIX asn: <http://purl.org/asn/schema/core/>
DELETE WHERE { ?statement asn:hasProgressionLevel <http://localhost:3030/id/framework/29-2099.00/occupational/v.26.05/level/proficient> ; ?p ?o } ;
DELETE WHERE { <http://localhost:3030/id/framework/29-2099.00/occupational/v.26.05/level/proficient> ?p ?o } ;
DELETE WHERE { ?s ?p <http://localhost:3030/id/framework/29-2099.00/occupational/v.26.05/level/proficient> }
