umask 000
umask g-w,o-rwx
umask
umask a=rx
umask
umask -S
