set -x
V=1 /bin/true
V=2 :
