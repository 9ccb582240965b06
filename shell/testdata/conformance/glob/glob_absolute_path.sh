echo /bin/dash /usr/bin/env[] /etc/host[n]ame
