mkdir sub
cd sub
/bin/pwd | sed 's|.*/||'
