HOME=/h
X=~/x /usr/bin/env | grep '^X='
