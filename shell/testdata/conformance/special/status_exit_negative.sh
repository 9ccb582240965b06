# expect: dash rejects exit -1 (Illegal number, status 2); bash exits 255
exit -1
