X=passed exec /usr/bin/env | grep '^X='
