#!/bin/sh
# a script that starts with a shebang line
echo shebang-line-is-a-comment
