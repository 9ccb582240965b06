a() { local v=from-a; b; }
b() { echo "b sees ${v-nothing}"; v=changed-by-b; }
a
echo "global v: ${v-unset}"
