# base: ../../map/29-2011.00.expected.ttl
# The NSX page seed as mapped: no finding at all.
