# base: ../../map/29-2099.00.expected.ttl
# The JSON export seed as mapped: no finding at all.
