echo ~root/sub/dir
