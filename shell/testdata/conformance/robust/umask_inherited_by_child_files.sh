umask 027
/usr/bin/touch f
/bin/ls -l f | cut -c1-10
mkdir d
/bin/ls -ld d | cut -c1-10
