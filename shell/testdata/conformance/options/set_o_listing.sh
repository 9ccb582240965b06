# expect: set -o lists 'name<spaces>on|off' in dash's column layout; bash uses a tab
set -o | grep -E '^(errexit|noglob|nounset|xtrace)'
set -e -u
set -o | grep -E '^(errexit|nounset)'
