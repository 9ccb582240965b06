set -e
if ( false ); then echo no; else echo else-branch; fi
