AV2=notexported
/usr/bin/env | grep -c '^AV2=' 
