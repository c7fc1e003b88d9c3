/** Not built yet: see the open issue for this module. */
package dev.mano.vim;
