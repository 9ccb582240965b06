mkdir sub
cd sub
/usr/bin/env | grep '^PWD=' | sed 's|.*/||'
