echo x | { read; echo "st=$? [${REPLY-unset}]"; }
