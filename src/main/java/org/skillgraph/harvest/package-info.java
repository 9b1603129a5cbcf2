/**
 * Harvest formats, built from the store for the server and for static export alike: CTDL-ASN graph and
 * resource documents ({@link CtdlDocuments}), whole-graph dumps ({@link Dumps}), the VoID/DCAT dataset
 * description ({@link DatasetDescription}), the sitemap, and the 1EdTech CASE 1.1 view ({@link CasePackages}:
 * CFDocuments, CFPackages, CFItems, CFAssociations). Every builder runs inside the caller's read
 * transaction and never fetches anything from the network.
 */
package org.skillgraph.harvest;
