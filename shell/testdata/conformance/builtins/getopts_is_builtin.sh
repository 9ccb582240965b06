type getopts
