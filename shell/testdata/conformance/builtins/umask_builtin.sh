umask 027
umask
umask -S
umask u=rwx,g=rx,o=
umask
